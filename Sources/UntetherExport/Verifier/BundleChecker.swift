/// The checker that goes into every bundle: `verify.html` and `verify.js`, which an advocate opens
/// from the unzipped folder to check the bundle offline with the browser's own SHA-256. The files
/// beside this one are the sources; `scripts/embed-assets` carries them into the binary.
enum BundleChecker {}
