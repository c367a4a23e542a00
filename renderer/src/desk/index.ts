/** What the app shell mounts: the desk (mode 'desk') and "Attiva la tua carta" (kiosk and home). */
export { DeskApp } from './DeskApp';
export { AttivaCarta } from './AttivaCarta';
