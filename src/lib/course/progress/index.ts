export { createProgressStore, STORAGE_KEY, BACKUP_KEY, type ProgressStore, type KeyValueStorage, type ProgressProblem } from './store';
export { upgrade, emptyProgress, ProgressFormatError, VERSION, type Progress, type StepProgress, type SavedFiles, type Migration } from './schema';
