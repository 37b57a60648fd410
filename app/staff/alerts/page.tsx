import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/staff-session";
import { listNewWorkAlerts } from "@/lib/data/new-work-alerts";
import { staffTime } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "New-work alerts", robots: { index: false } };

export default async function NewWorkAlertsPage() {
  const staff = await requireStaff();
  const { alerts, confirmed, waitingConfirmation } = await listNewWorkAlerts(staff);
  return (
    <>
      <h1 className="text-3xl font-semibold">New-work alerts</h1>
      <p className="mt-2 max-w-3xl font-sans text-sm text-ink-soft">
        Collectors who asked, on a work&rsquo;s or a section&rsquo;s page, to hear about new works. When works are first published (by hand
        or by an import) each gets one email listing those that answer what they asked, at most one a day.
      </p>
      <p className="mt-4 font-sans" data-testid="alert-totals">
        {confirmed} signed up; {waitingConfirmation} waiting to confirm from their email.
      </p>
      {alerts.length === 0 ? (
        <p className="mt-8 font-sans">Nobody has signed up yet.</p>
      ) : (
        alerts.map((alert) => (
          <section key={alert.label} className="mt-8 max-w-3xl" data-testid="new-work-alert">
            <h2 className="text-xl font-semibold">
              {alert.label} <span className="font-sans text-sm font-normal text-ink-soft">({alert.subscribers.length})</span>
            </h2>
            <table className="mt-2 w-full border-collapse font-sans text-sm">
              <caption className="sr-only">Signed up for: {alert.label}</caption>
              <thead>
                <tr className="border-b border-rule text-left">
                  <th scope="col" className="py-1 pr-4">
                    Collector
                  </th>
                  <th scope="col" className="py-1 pr-4">
                    Since
                  </th>
                  <th scope="col" className="py-1">
                    Last emailed
                  </th>
                </tr>
              </thead>
              <tbody>
                {alert.subscribers.map((subscriber) => (
                  <tr key={subscriber.email} className="border-b border-rule">
                    <td className="py-1 pr-4">
                      {subscriber.name ? `${subscriber.name} · ` : ""}
                      {subscriber.email}
                    </td>
                    <td className="py-1 pr-4">{staffTime(subscriber.since)}</td>
                    <td className="py-1">{subscriber.lastSentAt ? staffTime(subscriber.lastSentAt) : "Not yet"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </>
  );
}
