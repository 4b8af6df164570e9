export { fail, ok, type Problem as Failure, type Result } from '../result';
