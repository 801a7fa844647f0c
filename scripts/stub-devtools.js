// ink imports react-devtools-core only when DEV is set; folio never enables it.
export default {initialize() {}, connectToDevTools() {}};
