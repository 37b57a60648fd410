-- Saved replies (issue 12, part 4).
CREATE TABLE "ReplyTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "forSold" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "ReplyTemplate_name_key" ON "ReplyTemplate"("name");
-- Only one reply is offered by itself for a sold work.
CREATE UNIQUE INDEX "ReplyTemplate_one_for_sold" ON "ReplyTemplate"("forSold") WHERE "forSold" = 1;

-- Three to start from; staff change them, or write their own, under Saved replies.
INSERT INTO "ReplyTemplate" ("id", "name", "subject", "body", "forSold", "createdAt", "updatedAt") VALUES
(
  'saved-reply-price',
  'Available: the price',
  '{work_title}: price and availability',
  'Dear {collector_name},

Thank you for asking about {work_title}. It is available, and the price is {work_price}.

Its page, should you want to look again: {work_link}

We would be glad to send more photographs, to answer any question about its condition or framing, or to arrange for you to see it at the gallery.

With best wishes,
{gallery_name}',
  false,
  strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'),
  strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
),
(
  'saved-reply-sold',
  'This work is sold',
  '{work_title}',
  'Dear {collector_name},

Thank you for your interest in {work_title}. We are sorry to tell you that it has been sold.

The exhibition has other works close to it in subject and size. If you tell us what drew you to this one, we will gladly suggest some and send you their details.

With best wishes,
{gallery_name}',
  true,
  strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'),
  strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
),
(
  'saved-reply-viewing',
  'Come and see it',
  'Seeing {work_title} at {gallery_name}',
  'Dear {collector_name},

We would be delighted to show you {work_title}. Let us know a day and a time that suit you, and we will have it ready.

With best wishes,
{gallery_name}',
  false,
  strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'),
  strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
);
