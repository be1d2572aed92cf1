// Claim panel entry: connect to the host, say `ready`, then render what it sends.
import './panel.css';
import './elements';
import { HostLink } from './host';
import { ClaimPanel } from './app';

const root = document.getElementById('app')!;
const holder: { panel?: ClaimPanel } = {};
const link = new HostLink((m) => holder.panel?.receive(m));
holder.panel = new ClaimPanel(root, link);
link.post({ type: 'ready' });
