// The context cue lexicon (ConText/NegEx style, written for this project). Each phrase is matched
// on token norms, longest match first, so "cannot be ruled out" (uncertain) wins over "ruled out"
// (negated) and "gram negative" (pseudo) keeps "negative" from negating anything.
//   pre:  the cue governs words after it, up to `window` word tokens or a terminator
//   post: the cue governs words before it ("pneumonia was ruled out")
//   both: either side ("pneumonia versus bronchitis")
//   self: the cue governs only a mention that overlaps it ("swallowing without difficulty")
import type { Assertion } from './model';

export type CueRole = Assertion | 'pseudo' | 'terminate' | 'patientSubject' | 'otherSubject';
export type CueDirection = 'pre' | 'post' | 'both' | 'self';

export interface CueDef { phrase: string; roles: CueRole[]; direction: CueDirection; window: number }

function cues(roles: CueRole[], direction: CueDirection, window: number, phrases: string[]): CueDef[] {
  return phrases.map((phrase) => ({ phrase, roles, direction, window }));
}

const NEGATED: CueDef[] = [
  ...cues(['negated'], 'pre', 25, ['denies', 'denied', 'deny', 'denying', 'negative for', 'neg for',
    'was negative for', 'were negative for', 'is negative for', 'are negative for', 'be negative for',
    'tested negative for', 'came back negative for', 'no evidence of', 'no evidence for', 'no signs of',
    'no sign of', 'no complaints of', 'no history of', 'no hx of', 'no h/o', 'no personal history of',
    'no known', 'no prior', 'no previous', 'no past history of', 'never had', 'never been diagnosed with',
    'ruled out for', 'free of', 'absence of', 'fails to reveal', 'failed to reveal', 'did not reveal',
    'does not reveal', 'not consistent with', 'not suggestive of', 'not indicative of', 'no findings of']),
  // A denial that reaches into the past ("denies any previous injuries") is still a denial: one
  // cue, so the nearer historical word does not close it.
  ...cues(['negated'], 'pre', 25, ['denies any previous', 'denies any prior', 'denies previous', 'denies prior',
    'denies any history of', 'denies a history of', 'denies history of', 'denies any past', 'denied any previous',
    'denied any prior', 'denied any history of', 'no history of previous', 'no history of prior']),
  ...cues(['negated'], 'pre', 6, ['without', 'w/o']),
  ...cues(['negated'], 'pre', 10, ['no', 'never', 'neither', 'none', 'ruled out',
    'not have', 'does not have', 'did not have', "doesn't have", "didn't have", 'has not had', 'have not had',
    'not had']),
  ...cues(['negated'], 'pre', 5, ['not', 'nor', "doesn't", "don't", "didn't", "isn't", "wasn't", "hasn't",
    "haven't", "aren't", "weren't"]),
  ...cues(['negated'], 'post', 6, ['ruled out', 'was ruled out', 'is ruled out', 'were ruled out',
    'has been ruled out', 'have been ruled out', 'been ruled out', 'excluded', 'was excluded', 'has been excluded',
    'absent', 'is absent', 'was absent', 'are absent', 'were absent', 'not seen', 'not present', 'not identified',
    'not noted', 'not found', 'not detected', 'not appreciated', 'not demonstrated', 'not visualized',
    'not observed', 'was negative', 'were negative', 'is negative', 'are negative',
    'tested negative', 'came back negative']),
  ...cues(['negated'], 'post', 2, ['negative', '- free', 'free']),
  ...cues(['negated'], 'self', 0, ['without difficulty', 'with no difficulty', 'without any difficulty']),
];

const UNCERTAIN: CueDef[] = [
  ...cues(['uncertain'], 'pre', 12, ['rule out', 'to rule out', 'r/o', 'possible', 'possibly', 'probable',
    'probably', 'likely', 'most likely', 'more likely', 'less likely', 'unlikely', 'suspected', 'suspect',
    'suspicious for', 'suspicion of', 'suspicion for', 'concern for', 'concerning for', 'concerned about',
    'worrisome for', 'worried about', 'cannot exclude', 'can not exclude', 'cannot rule out',
    'can not rule out', "can't rule out", 'questionable', 'question of', 'differential', 'differential diagnosis',
    'differential includes', 'ddx', 'working diagnosis', 'may be', 'may have', 'might be', 'might have',
    'could be', 'could have', 'presumed', 'presumptive', 'presumably', 'consistent with', 'compatible with',
    'suggestive of', 'suggests', 'suggest', 'suggesting', 'the appearance of', 'equivocal', 'uncertain', 'unclear', 'not sure', 'not certain',
    'not certain if', 'not certain whether', 'not clear', 'unclear if', 'unclear whether', 'not clear whether', 'doubt', 'evaluate for', 'evaluation for', 'eval for', 'workup for',
    'work up for', 'w/u for', 'assess for', 'test for', 'testing for', 'not likely', 'not excluded',
    'suspected etiology of', 'likely etiology of', 'possible etiology of', 'probable etiology of', 'my concern is',
    'my concern is that', 'concern is that', 'i believe there is', 'i believe he has', 'i believe she has',
    'i think there is', 'i think he has', 'i think she has', 'i believe this is', 'i think this is', 'determine if', 'to determine if', 'determine whether', 'to see if']),
  // A list of candidate causes keeps every item uncertain, however long the list.
  ...cues(['uncertain'], 'pre', 25, ['possible etiologies', 'possible etiologies of', 'possible causes',
    'possible causes of', 'potential causes of', 'differential diagnosis includes', 'differential diagnoses include',
    'etiologies include', 'causes include']),
  ...cues(['uncertain'], 'post', 6, ['is suspected', 'was suspected', 'suspected', 'is possible', 'is likely',
    'is probable', 'is questionable', 'unlikely', 'is unlikely', 'cannot be excluded', 'can not be excluded',
    'cannot be ruled out', 'can not be ruled out', 'could not be ruled out', 'not ruled out', 'not excluded',
    'is not excluded', 'has not been ruled out', 'not yet ruled out', 'to be ruled out', 'still to be ruled out',
    'is not ruled out', 'is a possibility', 'a possibility']),
  ...cues(['uncertain'], 'both', 4, ['versus', 'vs', 'vs .', 'v .', 'or possibly']),
  ...cues(['uncertain'], 'both', 2, ['?']),
];

// Windows are short where the cue usually governs only the next words ("plan to repair", "avoid
// NSAIDs"), so a diagnosis later in a plan sentence keeps its own assertion.
const HYPOTHETICAL: CueDef[] = [
  ...cues(['hypothetical'], 'pre', 12, ['if', 'return if', 'call if', 'come back if', 'seek care if',
    'should she', 'should he', 'should you', 'should the patient', 'should there be', 'should symptoms',
    'in case', 'in case of', 'in the event', 'in the event of', 'unless']),
  ...cues(['hypothetical'], 'pre', 6, ['screening for', 'screen for', 'to screen for', 'monitor for',
    'monitoring for', 'watch for', 'look out for', 'precautions for', 'vaccine for', 'vaccination against',
    'vaccinated against', 'immunization against', 'prophylaxis for', 'prophylaxis against']),
  ...cues(['hypothetical'], 'pre', 4, ['risk of', 'risk for', 'at risk for', 'at risk of', 'increased risk of',
    'reduce the risk of', 'to prevent', 'prevent', 'prevention of', 'in order to', 'preventing', 'prevents',
    'to help prevent', 'help prevent']),
  // Risks explained before a procedure or a drug name what could happen, not what the patient has.
  ...cues(['hypothetical'], 'pre', 20, ['risks of', 'the risks of', 'risks include', 'risks including', 'risks such as',
    'including but not limited to', 'complications such as', 'complications including', 'side effects',
    'side effects include', 'side effects such as', 'can cause', 'may cause', 'could cause', 'can lead to',
    'may lead to', 'could lead to', 'can result in', 'may result in', 'can affect', 'may affect']),
  ...cues(['hypothetical'], 'post', 8, ['have been reported', 'has been reported', 'reported in the literature',
    'can cause', 'may cause', 'can lead to', 'may lead to', 'can affect', 'may affect']),
  ...cues(['hypothetical'], 'pre', 2, ['avoid', 'to avoid', 'preventive', 'prophylactic']),
  ...cues(['hypothetical'], 'pre', 6, ['be aware of', 'aware of', 'look for', 'signs of', 'symptoms of', 'warning signs']),
  ...cues(['hypothetical'], 'pre', 1, ['plan to', 'plans to', 'planning to', 'planned', 'scheduled for',
    'will schedule', 'will need']),
  ...cues(['hypothetical'], 'post', 2, ['prophylaxis', 'screening', 'precautions', 'vaccine', 'vaccines',
    'vaccination', 'vaccinations', 'immunization', 'immunizations', 'shot', 'booster', 'prevention']),
];

const HISTORICAL: CueDef[] = [
  ...cues(['historical'], 'pre', 15, ['history of', 'hx of', 'h/o', 'hx', 's/p', 'status post', 'past history of',
    'past medical history of', 'past medical history significant for', 'past medical history includes',
    'past medical history', 'medical history significant for', 'medical history of', 'history significant for',
    'pmh of', 'pmh significant for', 'pmhx of', 'pmh', 'remote history of', 'known history of',
    'previously diagnosed with', 'previous history of', 'prior history of', 'personal history of',
    'personal history', 'history included', 'history includes', 'history including', 'history was significant for',
    'history is significant for', 'history notable for', 'history remarkable for']),
  ...cues(['historical'], 'pre', 4, ['prior', 'previous', 'previously', 'former', 'formerly', 'quit', 'no longer',
    'resolved', 'resolution of', 'remote', 'childhood', 'ex -', 'old', 'healed', 'stopped', 'discontinued']),
  ...cues(['historical'], 'post', 4, ['resolved', 'has resolved', 'have resolved', 'had resolved', 'in the past',
    'years ago', 'year ago', 'months ago', 'as a child', 'in childhood', 'as a teenager', 'in remote past',
    'previously', 'in the distant past', 'now resolved', 'since resolved', 'was stopped', 'were stopped',
    'was discontinued', 'were discontinued', 'discontinued', 'was withdrawn', 'was suspended', 'were suspended']),
];

const FAMILY: CueDef[] = [
  ...cues(['family'], 'pre', 20, ['family history of', 'family history significant for',
    'family history is significant for', 'family history positive for', 'family history includes',
    'family history', 'family hx of', 'family hx', 'fhx of', 'fhx', 'fh of', 'fh', 'fh :']),
  ...cues(['negated', 'family'], 'pre', 20, ['no family history of', 'no family hx of', 'no fh of', 'no fhx of',
    'family history negative for', 'family history is negative for', 'fh negative for', 'fhx negative for',
    'negative family history of', 'negative family history for', 'no known family history of']),
  ...cues(['family'], 'post', 4, ['runs in the family', 'runs in his family', 'runs in her family', 'in the family',
    'in his family', 'in her family', 'in family']),
];

const SUBJECT: CueDef[] = [
  ...cues(['otherSubject'], 'pre', 6, ['exposure to', 'exposed to', 'contact with', 'sick contact with',
    'sick contacts with', 'close contact with']),
  ...cues(['patientSubject'], 'pre', 0, ['the patient', 'patient', 'pt', 'she', 'he', 'himself', 'herself']),
];

// Phrases that look like cues but assert nothing about what follows.
const PSEUDO: CueDef[] = cues(['pseudo'], 'pre', 0, [
  'no increase', 'no significant increase', 'no change', 'no changes', 'no interval change',
  'no significant change', 'no significant interval change', 'no definite change', 'not only', 'not necessarily',
  'not able', 'not able to', 'not always', 'not drain', 'not extend', 'gram negative', 'gram - negative',
  'rh negative', 'rh -', 'triple negative', 'er negative', 'pr negative', 'her2 negative', 'her2 - negative',
  'hormone receptor negative', 'history of present illness', 'history of the present illness',
  'history and physical', 'history obtained', 'history taking', 'social history', 'no further', 'if needed',
  'if necessary', 'if any', 'as needed', 'no longer than', 'free t4', 'free t3', 'free water', 'sugar free',
  'fat free', 'no need', 'no need to', 'no indication to', 'no reason to', 'prior to', 'previous to', 'weeks old', 'weeks-old', 'year old', 'years old', 'month old', 'months old', 'week old', 'day old', 'days old', 'year-old',
  'years-old', 'month-old', 'week-old', 'day-old', 'should be noted', 'without delay', 'not sure why',
]);

// Words that close every cue's scope: conjunctions that turn the sentence, and affirmations.
const TERMINATORS: CueDef[] = cues(['terminate'], 'pre', 0, [
  ';', 'but', 'however', 'although', 'though', 'yet', 'except', 'which', 'who', 'whose', 'whom', 'aside from',
  'apart from', 'other than', 'besides', 'still', 'nevertheless', 'nonetheless', 'cause of', 'source of',
  'etiology of', 'reason for', 'origin of', 'reports', 'reported', 'endorses', 'endorsed', 'endorsing', 'admits',
  'admitted to', 'complains of', 'complained of', 'complaining of', 'c/o', 'positive for', 'presents with',
  'presented with', 'presenting with', 'notes', 'states', 'remains', 'continues to have', 'now has', 'but has',
  'instead', 'whereas', 'while', 'because', 'because of', 'due to', 'secondary to', 'positive', 'tested positive',
]);

export const CUE_DEFS: CueDef[] = [...NEGATED, ...UNCERTAIN, ...HYPOTHETICAL, ...HISTORICAL, ...FAMILY, ...SUBJECT,
  ...PSEUDO, ...TERMINATORS];

export const FAMILY_MEMBERS = new Set(['mother', 'father', 'mom', 'dad', 'mum', 'brother', 'sister', 'brothers',
  'sisters', 'sibling', 'siblings', 'son', 'sons', 'daughter', 'daughters', 'aunt', 'aunts', 'uncle', 'uncles',
  'grandmother', 'grandfather', 'grandma', 'grandpa', 'grandparent', 'grandparents', 'cousin', 'cousins', 'niece',
  'nephew', 'parent', 'parents', 'children', 'twin', 'granddaughter', 'grandson', 'stepmother', 'stepfather']);

export const OTHER_PEOPLE = new Set(['wife', 'husband', 'spouse', 'partner', 'boyfriend', 'girlfriend', 'fiance',
  'fiancee', 'friend', 'friends', 'coworker', 'coworkers', 'colleague', 'roommate', 'neighbor', 'neighbour',
  'classmate', 'classmates', 'caregiver']);

/** Words joining a relative to a condition: "mother with", "father had", "sister's", "brother:". */
export const RELATIVE_LINKS = new Set(['with', 'has', 'had', 'have', 'having', 'died', 'diagnosed', 'suffers',
  'suffered', 'passed', 'history', 'hx', 'h', 'is', 'was', 'were', 'are', "'", ':', '-', 'developed', 'carries']);
