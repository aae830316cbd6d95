export { createProgressStore, STORAGE_KEY, BACKUP_KEY, BACKUP_PREFIX, type ProgressStore, type KeyValueStorage, type ProgressProblem, type ProgressBackup, type RestoredBackup } from './store';
export { upgrade, salvage, summarize, parseExport, emptyProgress, ProgressFormatError, VERSION, type Progress, type ProgressSummary, type StepProgress, type SavedFiles, type Migration } from './schema';
