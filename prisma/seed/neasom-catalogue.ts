/**
 * The Norman Neasom exhibition as seeded on a fresh install. Facts (numbers, titles, media,
 * sizes and signature lines as the gallery wrote them) come from the gallery's catalogue;
 * every description, introduction and the biography are written for this project.
 */

export type SeedArtwork = {
  section: string;
  catalogueNumber: string;
  title: string;
  /** The gallery's filing word: "Drawings" or "Paintings". */
  category: string;
  technique: string | null;
  signature: string | null;
  year: number | null;
  sizeAsWritten: string;
  framedAsWritten?: string;
  /** The gallery's status line; empty means available. */
  availability: string | null;
  price: string | null;
  featured?: boolean;
  description: string;
  curatorNote: string | null;
};

export const artist = {
  slug: "norman-neasom",
  name: "Norman Neasom",
  birthDate: "1915-11-07",
  deathDate: "2010-02-22",
  birthplace: "Birchensale Farm, near Redditch, Worcestershire",
  postNominals: "RWS RBSA",
  biography: [
    "Norman Neasom grew up on a farm on the edge of Redditch, and the fields, barns and market towns of that border country between Worcestershire and Warwickshire stayed at the centre of his work for the rest of his long life.",
    "He went to the Birmingham College of Art in 1931 and later taught there before moving, in 1953, to the Redditch School of Art, where a generation of local students learned to draw under him until he retired in 1979. He was elected to the Royal Watercolour Society and the Royal Birmingham Society of Artists.",
    "His pictures are full of people: gossips, auctioneers, clergymen and neighbours, drawn with a cartoonist's eye for character and a draughtsman's patience. Alongside the humour runs a darker thread — the wars he lived through, watched from the Midlands and imagined on a grand scale.",
  ].join("\n\n"),
};

export const exhibition = {
  slug: "norman-neasom-exhibition",
  title: "Norman Neasom Exhibition",
  summary: "Drawings and watercolours from seven decades by the Worcestershire artist Norman Neasom RWS RBSA.",
  introduction: [
    "This online exhibition gathers drawings and watercolours made across seventy years by Norman Neasom, from student satires of the 1930s to the crowded village scenes of his old age.",
    "The works are arranged in eight sections. Some follow a theme — war, romance, local history, the characters of the Midlands — and two gather his drawings and his watercolours as the gallery first catalogued them. Each work carries its catalogue number, which records the year it was made.",
  ].join("\n\n"),
};

export const sections: Array<{ title: string; slug: string; introduction: string }> = [
  {
    title: "Wars and Conflicts",
    slug: "wars-and-conflicts",
    introduction:
      "Neasom was a young man when Europe went to war twice over in a decade. These pictures imagine the great retreats and civil wars of his time on a scale far from the farmyard, and they are among the most sombre things he made.",
  },
  {
    title: "Romantic Encounters",
    slug: "romantic-encounters",
    introduction:
      "Courtship, flirtation and the comedy of the village dance: Neasom watched people falling in and out of love with affection and a sharp eye for the absurd.",
  },
  {
    title: "Neasom. N (Watercolours)",
    slug: "neasom-n-watercolours",
    introduction:
      "The watercolours as the gallery first catalogued them, from the delicate stipple of his student years to broad, worked surfaces of later life — finished pictures and a few left deliberately incomplete.",
  },
  {
    title: "Neasom. N (Drawings)",
    slug: "neasom-n-drawings",
    introduction:
      "Pen, ink and pencil were Neasom's first language. The drawings gathered here show how much character he could put into a crowd with line alone.",
  },
  {
    title: "Worcestershire and Warwickshire",
    slug: "worcestershire-and-warwickshire",
    introduction:
      "The farms, churches and lanes of the two counties he called home, often rearranged from memory so that a favourite barn or dovecote could stand where it belonged in his mind.",
  },
  {
    title: "History and Events",
    slug: "history-and-events",
    introduction:
      "Public life, ceremony and the institutions of his day, treated with the irreverence of a man who distrusted pomp of every kind.",
  },
  {
    title: "Characters",
    slug: "characters",
    introduction:
      "Salerooms, markets and street corners: portraits of the trades and types of the Midlands, each figure drawn as if from someone he knew.",
  },
  {
    title: "Wales and the Borders",
    slug: "wales-and-the-borders",
    introduction:
      "Hill farms, chapels and border towns to the west, where Neasom travelled to draw a landscape harder and emptier than his own.",
  },
];

export const artworks: SeedArtwork[] = [
  {
    section: "Wars and Conflicts",
    catalogueNumber: "42",
    title: "Second Retreat from Russia",
    category: "Drawings",
    technique: null,
    signature: "Signed Dated and Inscribed",
    year: null,
    sizeAsWritten: "Image area 15ins x 22ins",
    availability: null,
    price: null,
    featured: true,
    description: [
      "The title looks back to Napoleon's winter of 1812 and finds the same story repeated in the winter of 1941. After the German advance stalled short of Moscow, the Red Army, reinforced by fresh divisions brought west from Siberia and the Far East, struck back in early December.",
      "Under Zhukov's direction the counter-offensive recovered Klin, Kalinin and the approaches to Tula within a fortnight, and by the new year the German armies had been driven back between one and two hundred miles, frozen, short of supplies and beaten in the field for the first time in the war.",
    ].join("\n\n"),
    curatorNote:
      "One of the wartime drawings, and one of the few in which Neasom lets the full terror of a beaten army show: men, horses and carts pour across the sheet in a single movement of flight. Touches of colour appear here and there, though the work remains a drawing first.",
  },
  {
    section: "Wars and Conflicts",
    catalogueNumber: "36",
    title: "Spanish Civil War",
    category: "Paintings",
    technique: "Watercolour",
    signature: "Signed and dated",
    year: null,
    sizeAsWritten: "Image Area: 15ins x 19ins",
    availability: null,
    price: null,
    description: [
      "Painted while the war in Spain was still new, this watercolour responds to the opening months of the conflict in 1936: the airlift that carried Nationalist troops across the strait from Morocco, the rapid rise of Franco to command, and the siege of the Alcázar at Toledo that became a rallying story for his side.",
      "For a student in Birmingham the war arrived through newspapers and newsreels, and the picture has the heightened, theatrical quality of events known at second hand.",
    ].join("\n\n"),
    curatorNote: "An early and ambitious work, made when Neasom was barely twenty-one.",
  },
  {
    section: "Neasom. N (Watercolours)",
    catalogueNumber: "37",
    title: "Undertones of War",
    category: "Paintings",
    technique: "Stipple watercolour",
    signature: "Signed and dated 1937",
    year: 1937,
    sizeAsWritten: "Image Area 5ins x 7ins",
    availability: null,
    price: null,
    featured: true,
    description: [
      "The title is borrowed from Edmund Blunden's memoir of the Western Front, published in 1928, which Neasom would have read as a student. The picture itself reaches back further, to the artist's own first memory: being held up as a small child in 1917 to watch a Zeppelin raid over the Austin motor works at Longbridge.",
      "The stipple technique — colour laid down in countless tiny touches of the brush — gives the small sheet a hushed, jewel-like intensity.",
    ].join("\n\n"),
    curatorNote: "Small in size but painstaking in making; a fine example of the stipple method he used in the 1930s.",
  },
  {
    section: "Neasom. N (Watercolours)",
    catalogueNumber: "58",
    title: "Skyscrapers",
    category: "Paintings",
    technique: "Watercolour over pencil",
    signature: "Signed Dated 1958",
    year: 1958,
    sizeAsWritten: "Image: 370mm x 545mm",
    framedAsWritten: "Framed: 620 x 780",
    availability: "This work is in a private collection",
    price: null,
    description: [
      "A building site seen from below, its towers of scaffolding rising over the figures of the workmen. The picture was never finished, and that is its value: the pencil underdrawing can be followed across the sheet and the washes seen going down over it, one layer at a time.",
      "Neasom often left pictures at this stage, sometimes for years and sometimes for good, once the problem that interested him had been solved.",
    ].join("\n\n"),
    curatorNote: "Shown for what it teaches about his working method. Lent from a private collection; not for sale.",
  },
  {
    section: "Neasom. N (Watercolours)",
    catalogueNumber: "50",
    title: "The Taxman",
    category: "Paintings",
    technique: "Watercolour",
    signature: "Signed and dated 1950",
    year: 1950,
    sizeAsWritten: "Image: 225mm x 155mm",
    framedAsWritten: "Framed: 505mm x 405mm",
    availability: null,
    price: null,
    description: [
      "A winged figure — perhaps the collector of taxes, perhaps something less earthly — moves among a group of dejected people. Only one woman in the crowd seems untroubled, and she is smiling.",
      "Whatever private joke or grievance lay behind the picture has not come down to us, which leaves the viewer free to supply their own.",
    ].join("\n\n"),
    curatorNote: "A puzzle picture from the austerity years; its meaning was probably clear to the artist's friends at the time.",
  },
  {
    section: "History and Events",
    catalogueNumber: "38",
    title: "Comments on Life",
    category: "Drawings",
    technique: "Drawing",
    signature: "Signed, dated and inscribed",
    year: null,
    sizeAsWritten: "Image Area: 9ins x 11.5ins",
    availability: null,
    price: null,
    description: [
      "A satire on the clergy, drawn in Neasom's student days at the Birmingham College of Art: churchmen behaving badly, with the high spirits of a young man testing how far he could go.",
      "His scepticism about organised religion stayed with him, though in later work it softened into gentle mockery.",
    ].join("\n\n"),
    curatorNote: null,
  },
  {
    section: "Characters",
    catalogueNumber: "63",
    title: "The Auctioneer",
    category: "Drawings",
    technique: "Ink Drawing",
    signature: "Signed - N Neasom",
    year: null,
    sizeAsWritten: "Image Area: 100mm x 165mm",
    availability: null,
    price: null,
    description: [
      "A Birmingham saleroom in full cry: the auctioneer at his rostrum, a porter holding up the lot, and a row of bidders — among them a woman wrapped in a fox fur — weighing whether to raise a hand.",
      "The room may be Biddle and Webb's, a short walk from the Margaret Street art school where Neasom studied and taught.",
    ].join("\n\n"),
    curatorNote: "A small sheet that holds a whole cast of characters.",
  },
  {
    section: "Neasom. N (Drawings)",
    catalogueNumber: "69",
    title: "Gossips",
    category: "Drawings",
    technique: "Ink drawing",
    signature: "Signed and dated 1969",
    year: 1969,
    sizeAsWritten: "Image Area: 16ins x 20ins",
    availability: null,
    price: null,
    featured: true,
    description: [
      "A street packed with people whispering behind their hands, every head turned towards one figure who stands apart. The comedy is broad, but the subject is a serious one: how talk makes an outsider of someone.",
      "Local viewers have long suspected that the faces belong to real neighbours; Neasom never said.",
    ].join("\n\n"),
    curatorNote: null,
  },
  {
    section: "Worcestershire and Warwickshire",
    catalogueNumber: "93x",
    title: "Harvest Supper",
    category: "Paintings",
    technique: "Watercolour",
    signature: "Signed and dated 1993",
    year: 1993,
    sizeAsWritten: "Image Area: 250mm x 305mm",
    availability: "This work is in a private collection",
    price: null,
    featured: true,
    description: [
      "Birchensale, the farm where Neasom was born, painted nearly eighty years later and rebuilt from memory. The old barn is there, and so are the scullery and the gun room, but he has also moved in a dovecote from Spetchley that he admired, because the picture needed it.",
      "The farm itself has since gone, which gives this gathering of family and harvest workers the quality of a last look.",
    ].join("\n\n"),
    curatorNote: "A late, affectionate work; in a private collection.",
  },
];
