// Public face of the CMS-HCC risk adjustment: tables, scores, eligibility, MEAT support.
export * from './tables';
export * from './models';
export * from './demographics';
export * from './score';
export * from './eligibility';
export * from './patients';
export * from './read';
export * from './meat';
export * from './report';
export * from './mentions';
export * from './tags';
export * from './summary';
