import { KEYS_USAGE, runKeys } from './commands/keys';
import { MOCK_USAGE, runMock } from './commands/mock';
import { QUALIFY_USAGE, runQualify, splitCommand } from './commands/qualify';
import { runToken, TOKEN_USAGE } from './commands/token';
import { UsageError } from './usage-error';

const USAGE = `Usage: eduvkit <command> [options]

Commands
  mock      run the Edu-V mock server (eduvkit mock --help)
  qualify   check your implementation of an Edu-V API as the testlab would (eduvkit qualify --help)
  token     get an access token with private_key_jwt (eduvkit token --help)
  keys      generate a client key pair and JWKS (eduvkit keys generate --help)
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
  if (command === 'qualify') {
    // A --help after -- belongs to the supplier's command.
    if (splitCommand(args).own.includes('--help')) {
      print(QUALIFY_USAGE);
      return 0;
    }
    return runQualify(args, print, process.stdout.isTTY === true && !process.env.NO_COLOR);
  }
  if (command === 'token') {
    if (args.includes('--help')) {
      print(TOKEN_USAGE);
      return 0;
    }
    return runToken(args, print);
  }
  if (command === 'keys') {
    if (args.includes('--help')) {
      print(KEYS_USAGE);
      return 0;
    }
    return runKeys(args, print);
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
