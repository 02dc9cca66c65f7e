/**
 * The `threadline` executable: runs the command line and sets the exit status. Import
 * `./main.js` to run it in-process; importing this file runs it.
 */
import { main } from './main.js';

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
