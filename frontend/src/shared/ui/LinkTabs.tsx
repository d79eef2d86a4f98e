import { NavLink } from 'react-router';

/** Links between the pages of one area, shown as tabs; `end` makes a link active on its own path only. */
export function LinkTabs({ label, links }: { label: string; links: readonly { to: string; label: string; end?: boolean }[] }) {
  const tab = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-indigo-600 text-white' : 'border border-slate-300 dark:border-slate-600'}`;
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-1">
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} className={tab}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
