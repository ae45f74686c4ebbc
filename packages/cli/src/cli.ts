import { MOCK_USAGE, runMock } from './commands/mock';
import { UsageError } from './usage-error';

const USAGE = `Usage: eduvkit <command> [options]

Commands
  mock      run the Edu-V mock server (eduvkit mock --help)
`;

// eslint-disable-next-line no-console
const print = (line: string): void => console.log(line);

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h') {
    print(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'mock') {
    if (args.includes('--help')) {
      print(MOCK_USAGE);
      return 0;
    }
    const close = await runMock(args, print);
    const stop = () => {
      void close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`eduvkit: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(`eduvkit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
