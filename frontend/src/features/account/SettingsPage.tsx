import { PageHeader } from '../../shared/ui/kit.tsx';

export default function SettingsPage() {
  return <PageHeader title="SettingsPage" />;
}
