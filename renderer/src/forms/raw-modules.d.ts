/** Vite's `?raw` imports: a file's text, bundled (the libraries the form-logic sandbox loads). */
declare module '*?raw' {
  const text: string;
  export default text;
}
