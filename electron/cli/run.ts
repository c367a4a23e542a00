/**
 * How a command-line tool ends: its own exit code, or, on an error it did not expect, the message
 * (never a stack trace for desk staff) and `failureCode`.
 */
export function runCli(main: (args: string[]) => Promise<number>, failureCode = 2): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(failureCode);
    },
  );
}
