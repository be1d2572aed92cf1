// SARIF 2.1.0 for analyzer output: one result per suggestion per evidence span, so auditors'
// tools can show the words behind each proposed code.
import type { Suggestion } from './types';

export interface AnalyzedFile { uri: string; suggestions: Suggestion[]; warnings: string[] }

export function suggestionsToSarif(files: AnalyzedFile[], toolVersion = '0.1.0'): Record<string, unknown> {
  const results = files.flatMap((f) => [
    ...f.suggestions.map((s) => ({
      ruleId: `suggest.${s.system}`,
      level: 'note',
      message: { text: `${s.code}${s.units ? ` x ${s.units}` : ''} ${s.title} (score ${s.score}; ${s.reason})${s.missing.length ? `; missing: ${s.missing.join(', ')}` : ''}` },
      locations: (s.evidence.length ? s.evidence : [undefined]).map((e) => ({
        physicalLocation: { artifactLocation: { uri: f.uri }, ...(e ? { region: { charOffset: e.start, charLength: e.end - e.start } } : {}) },
      })),
      properties: { code: s.code, system: s.system, score: s.score, context: s.context, missing: s.missing, ...(s.units ? { units: s.units } : {}) },
    })),
    ...f.warnings.map((w) => ({ ruleId: 'input', level: 'warning', message: { text: w }, locations: [{ physicalLocation: { artifactLocation: { uri: f.uri } } }] })),
  ]);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'medcode-analyze', version: toolVersion, rules: [
        { id: 'suggest.icd10cm', shortDescription: { text: 'Suggested ICD-10-CM diagnosis code' } },
        { id: 'suggest.hcpcs', shortDescription: { text: 'Suggested HCPCS Level II code with units' } },
        { id: 'suggest.cpt', shortDescription: { text: 'Suggested E/M level (CPT number)' } },
        { id: 'input', shortDescription: { text: 'A problem with the input file' } },
      ] } },
      results,
    }],
  };
}
