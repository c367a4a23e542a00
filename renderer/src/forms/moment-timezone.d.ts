/** The build of moment-timezone Form.io imports (same module instance): the package types it only at its root. */
declare module 'moment-timezone/moment-timezone' {
  import moment from 'moment-timezone';
  export default moment;
}
