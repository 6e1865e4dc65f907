/**
 * The headless studio: the same services as the desktop app, for scripts, CI and consultants
 * who live in a terminal. Exit codes: 0 success, 1 invalid input, 2 usage or I/O error.
 */
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importAssessmentsCommand } from './commands/import-assessments';
import { newCommand } from './commands/new';
import { planCommand } from './commands/plan';
import { validateCommand } from './commands/validate';
import { EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from './io';
import { APP_VERSION } from './version';

const USAGE = `Usage: plp-studio <command> [options]

Commands:
  validate <file.plp>                          Check a project file; prints one line.
  check <file.plp> [--hours-per-week H]        Check every framework's pathway; one line per problem.
  new <file.plp> [--sample] [--title T] [--force]
                                               Create a blank project (or the sample one).
  import-assessments <file.plp> <file.csv|file.xlsx> --kind self|manager|pre|post
                     [--date YYYY-MM-DD] [--sheet NAME] [--mapping NAME] [--out <file.plp>]
                                               Import assessments (and learners) from a
                                               spreadsheet; saves in place or to --out.
                                               --mapping: a scale mapping saved in the project.
  plan <file.plp> (--learner <id|email>[,...] | --all) [--framework ID]
       [--include-agreed] [--discard-overrides] [--today YYYY-MM-DD] [--out <file.plp>]
                                               (Re)generate plans with the engine and save
                                               (draft plans only unless --include-agreed).
  export <file.plp> (--learner <id|email>[,...] | --all) --out <dir>
         [--format docx,pdf] [--on-existing overwrite|skip|keep-both]
         [--framework ID] [--accent #RRGGBB] [--logo <file.png>] [--lang en-GB|en-US]
         [--template classic|modern|<file.docx>] [--font sans|serif]
         [--pdf-template classic|modern] [--allow-unknown-placeholders]
                                               Export plans as Word/PDF with a roster.csv;
                                               learners without a plan get a draft (not saved).
                                               A .docx template fills the Word files; its
                                               unknown placeholders stop the export (exit 1).
  help                                         Show this help.
  version                                      Print the version.

Exit codes: 0 success, 1 invalid input, 2 usage or I/O error.`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  check: checkCommand,
  new: (argv, io) => newCommand(argv, io),
  'import-assessments': (argv, io) => importAssessmentsCommand(argv, io),
  plan: (argv, io) => planCommand(argv, io),
  export: (argv, io) => exportCommand(argv, io),
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? EXIT_USAGE_OR_IO : 0;
  }
  if (name === 'version' || name === '--version') {
    io.stdout(APP_VERSION);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`plp-studio: unknown command "${oneLine(name)}". Run "plp-studio help".`);
    return EXIT_USAGE_OR_IO;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plp-studio ${name}: ${error.message}. Run "plp-studio help".`);
      return EXIT_USAGE_OR_IO;
    }
    io.stderr(oneLine(`plp-studio ${name}: ${error instanceof Error ? error.message : String(error)}`));
    return EXIT_USAGE_OR_IO;
  }
}
