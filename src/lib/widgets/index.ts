// The widgets' pure logic, usable in Node; the components are ./ui.
export { tabAfterKey } from './tabs';
