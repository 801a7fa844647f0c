// Preloaded with `node --import` by tests: appends the URL of every module loaded to $FOLIO_RECORD_LOADS.
import {register} from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, {data: {file: process.env.FOLIO_RECORD_LOADS}});
