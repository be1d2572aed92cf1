// Every `medcode` subcommand. One line per command; each module exports `command`.
import type { CliCommand } from '../command';
import { command as codesets } from './codesets';
import { command as exportClaimFile } from './export';
import { command as search } from './search';

export const commands: CliCommand[] = [codesets, search, exportClaimFile];
