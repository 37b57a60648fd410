import type { Metadata } from "next";
import { SettingsForm } from "@/components/staff/settings-form";
import { SaleSettingsForm } from "@/components/staff/sale-settings-form";
import { RetentionSettingsForm } from "@/components/staff/retention-settings-form";
import { readRetentionSettings } from "@/lib/data/enquiry-retention";
import { readSaleSettings } from "@/lib/data/sale-settings";
import { TableHead } from "@/components/staff/table-head";
import { roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";
import { readSavedGallerySettings, settingsFormValues } from "@/lib/data/gallery-settings";
import { recentDigestRuns } from "@/lib/data/staff/settings";
import { openingHoursInWords, REPLY_UNIT_LABELS } from "@/lib/enquiries/reply-by";
import { staffTime } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

export default async function SettingsPage() {
  const staff = await requireStaff();
  const [settings, runs, sale, retention] = await Promise.all([
    readSavedGallerySettings(),
    recentDigestRuns(staff),
    readSaleSettings(),
    readRetentionSettings(),
  ]);
  const isOwner = roleAllows(staff.role, "owner");
  return (
    <>
      <h1 id="settings-heading" className="text-3xl font-semibold">
        Settings
      </h1>
      {isOwner ? (
        <div className="mt-6">
          <SettingsForm saved={settingsFormValues(settings)} />
        </div>
      ) : (
        <section className="mt-6 font-sans" aria-label="The gallery's settings">
          <p>Only an owner changes these.</p>
          <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="text-ink-soft">Reply within</dt>
            <dd>
              {settings.replyWithin} {REPLY_UNIT_LABELS[settings.replyWithinUnit]}
            </dd>
            <dt className="text-ink-soft">Opening hours</dt>
            <dd>{openingHoursInWords(settings.openingHours)}</dd>
            <dt className="text-ink-soft">Holidays</dt>
            <dd>{settings.holidays.map((holiday) => `${holiday.date} ${holiday.name}`.trim()).join(" · ") || "None"}</dd>
            <dt className="text-ink-soft">Daily digest</dt>
            <dd>
              {settings.digestEnabled
                ? `At ${settings.digestTime}${settings.digestOnClosedDays ? ", closed days too" : ", on opening days"}, to ${settings.digestTo ?? "the gallery's address"}`
                : "Off"}
            </dd>
          </dl>
        </section>
      )}

      <section aria-labelledby="sale-settings-heading" className="mt-12">
        <h2 id="sale-settings-heading" className="text-2xl font-semibold">
          Selling
        </h2>
        {isOwner ? (
          <div className="mt-4">
            <SaleSettingsForm
              saved={{
                collectorHoldHours: String(sale.collectorHoldHours),
                autoGrantHoldsUpTo: sale.autoGrantHoldsUpToMinor === null ? "" : (sale.autoGrantHoldsUpToMinor / 100).toFixed(2),
                offerFloorPercent: String(sale.offerFloorPercent),
                offerDays: String(sale.offerDays),
                paymentDays: String(sale.paymentDays),
                invoicePrefix: sale.invoicePrefix,
                taxMode: sale.taxMode,
                vatRatePercent: String(sale.vatRateBasisPoints / 100),
                bankDetails: sale.bankDetails,
                invoiceTerms: sale.invoiceTerms,
              }}
            />
          </div>
        ) : (
          <p className="mt-2 font-sans">
            Owners set these. Offers from {sale.offerFloorPercent} % of the price are taken and stand for {sale.offerDays} days; buyers have{" "}
            {sale.paymentDays} days to pay; invoices are numbered {sale.invoicePrefix}-year-number.
          </p>
        )}
      </section>

      <section aria-labelledby="retention-heading" className="mt-12">
        <h2 id="retention-heading" className="text-2xl font-semibold">
          What is kept, and how long
        </h2>
        <p className="mt-2 max-w-3xl font-sans">
          Enquiries are deleted two years after their last message, as the privacy notice says. Spam, and the daily digest emails once sent,
          are of no use for long: they are deleted sooner.
        </p>
        {isOwner ? (
          <div className="mt-4">
            <RetentionSettingsForm
              saved={{ spamKeptDays: String(retention.spamKeptDays), digestEmailsKeptDays: String(retention.digestEmailsKeptDays) }}
            />
          </div>
        ) : (
          <p className="mt-2 font-sans">
            Owners set these. Spam is kept {retention.spamKeptDays} days; digest emails {retention.digestEmailsKeptDays} days.
          </p>
        )}
      </section>

      <section aria-labelledby="digests-heading" className="mt-12 font-sans">
        <h2 id="digests-heading" className="text-xl font-semibold">
          Recent digests
        </h2>
        {runs.length === 0 ? (
          <p className="mt-2">None yet.</p>
        ) : (
          <table className="mt-2 border-collapse text-left text-sm">
            <caption className="sr-only">The daily digest of each recent day</caption>
            <TableHead columns={["Day", "Waiting", "Overdue", "Email", "Checked"]} />
            <tbody>
              {runs.map((run) => (
                <tr key={run.day} className="border-b border-rule">
                  <td className="py-1 pr-4">{run.day}</td>
                  <td className="py-1 pr-4">{run.waiting}</td>
                  <td className="py-1 pr-4">{run.overdue}</td>
                  <td className="py-1 pr-4">{run.sent ? "Sent" : "Nothing waiting: none sent"}</td>
                  <td className="py-1">{staffTime(run.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
