// NORMKIT_EXPORT marks the public API. The libraries are built with hidden
// symbol visibility (-fvisibility=hidden), so only what carries this mark is
// exported from a shared normkit library; everything in namespace
// normkit::internal stays inside the library that defines it.
#ifndef NORMKIT_EXPORT_H_
#define NORMKIT_EXPORT_H_

#if defined(__GNUC__) || defined(__clang__)
#define NORMKIT_EXPORT [[gnu::visibility("default")]]
#else
#define NORMKIT_EXPORT
#endif

#endif  // NORMKIT_EXPORT_H_
