// commander requires node:child_process at load time only for executable subcommands, which
// ready does not use; loading it lazily keeps net, dgram and streams off every start-up.
let real;
const load = () => (real ??= require('node:child_process'));
module.exports = new Proxy({}, { get: (_, key) => load()[key] });
