import type { Metadata } from "next";
import { ActionForm } from "@/components/staff/action-form";
import { InviteStaffForm } from "@/components/staff/team-forms";
import { TableHead } from "@/components/staff/table-head";
import { changeRole, setDisabled } from "@/lib/actions/staff-team";
import { STAFF_ROLE_LABELS, STAFF_ROLES, roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";
import { readTeam } from "@/lib/data/staff/team";
import { staffTime } from "@/lib/time/gallery-time";
import { staffNoticeText } from "@/lib/staff/notices";

export const metadata: Metadata = { title: "Staff accounts", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamPage({ searchParams }: Props) {
  const staff = await requireStaff();
  if (!roleAllows(staff.role, "owner")) {
    return (
      <>
        <h1 className="text-3xl font-semibold">Staff accounts</h1>
        <p className="mt-4 font-sans">Only an owner manages staff accounts.</p>
      </>
    );
  }
  const { notice } = await searchParams;
  const team = await readTeam(staff);
  const noticeText = staffNoticeText("team", notice);
  return (
    <>
      <h1 className="text-3xl font-semibold">Staff accounts</h1>
      <p role="status" className={noticeText ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {noticeText}
      </p>
      <table className="mt-6 w-full border-collapse text-left font-sans text-sm">
        <caption className="sr-only">Staff accounts and their roles</caption>
        <TableHead columns={["Name", "Email", "Role", "Account"]} />
        <tbody>
          {team.members.map((member) => (
            <tr key={member.id} className="border-b border-rule" data-testid="team-member">
              <td className="py-2 pr-3">
                {member.name}
                {member.you ? " (you)" : ""}
              </td>
              <td className="py-2 pr-3">{member.email}</td>
              <td className="py-2 pr-3">
                <ActionForm action={changeRole} className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="userId" value={member.id} />
                  <label htmlFor={`role-${member.id}`} className="sr-only">
                    Role of {member.name}
                  </label>
                  <select id={`role-${member.id}`} name="role" defaultValue={member.role} className="border border-rule bg-white px-2 py-1">
                    {STAFF_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="underline" aria-label={`Change the role of ${member.name}`}>
                    Change
                  </button>
                </ActionForm>
              </td>
              <td className="py-2">
                {member.disabled ? "Disabled · " : "Active · "}
                {!member.you && (
                  <ActionForm action={setDisabled} className="inline">
                    <input type="hidden" name="userId" value={member.id} />
                    <input type="hidden" name="disabled" value={member.disabled ? "false" : "true"} />
                    <button
                      type="submit"
                      className="underline"
                      aria-label={`${member.disabled ? "Enable" : "Disable"} ${member.name}'s account`}
                    >
                      {member.disabled ? "Enable" : "Disable"}
                    </button>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="mt-4 max-w-2xl font-sans text-sm text-ink-soft">
        {STAFF_ROLES.map((role) => (
          <div key={role}>
            <dt className="sr-only">{role}</dt>
            <dd>{STAFF_ROLE_LABELS[role]}</dd>
          </div>
        ))}
      </dl>

      {team.invitations.length > 0 && (
        <section aria-labelledby="pending-heading" className="mt-10">
          <h2 id="pending-heading" className="text-xl font-semibold">
            Invitations not yet used
          </h2>
          <ul className="mt-2 font-sans text-sm">
            {team.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.name} · {invitation.email} · {invitation.role} · until {staffTime(invitation.expiresAt)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="invite-heading" className="mt-10 max-w-2xl">
        <h2 id="invite-heading" className="text-xl font-semibold">
          Invite someone
        </h2>
        <p className="mt-1 mb-3 font-sans text-sm">
          They receive an email with a link to choose their own password. The link works once, for 48 hours.
        </p>
        <InviteStaffForm />
      </section>
    </>
  );
}
