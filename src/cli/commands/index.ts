// Every `medcode` subcommand. One line per command; each module exports `command`.
import type { CliCommand } from '../command';
import { command as analyze } from './analyze';
import { command as appeal } from './appeal';
import { command as audit } from './audit';
import { command as check } from './check';
import { command as claim } from './claim';
import { command as codesets } from './codesets';
import { command as correct } from './correct';
import { command as demo } from './demo';
import { command as denials } from './denials';
import { command as evaluate } from './eval';
import { command as exportClaimFile } from './export';
import { command as hcc } from './hcc';
import { command as patients } from './patients';
import { command as remit } from './remit';
import { command as search } from './search';

export const commands: CliCommand[] = [demo, codesets, search, analyze, evaluate, patients, claim, check, exportClaimFile, audit, hcc, remit, denials, correct, appeal];
