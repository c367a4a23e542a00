export { createDeskArea, type DeskArea, type DeskAreaOptions } from './area';
export { deskHandlers } from './handlers';
