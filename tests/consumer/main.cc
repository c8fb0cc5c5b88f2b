// Links the installed normkit and checks one normalization end to end:
// exit status 0 only when the library gives the expected bytes.
#include <normkit/normkit.h>

#include <iostream>

int main() {
  auto normalizer = normkit::Normalizer::Create();
  if (!normalizer.ok()) {
    std::cerr << normalizer.status().ToString() << "\n";
    return 1;
  }
  // A decomposed й (и + U+0306), a no-break space, CRLF and a soft hyphen.
  const std::string input =
      "Нови\xCC\x86 \xC2\xA0 при\xC2\xAD"
      "чал\r\n";
  const std::string got = normalizer->Normalize(input);
  if (got != "Нов\xD0\xB9 причал\n") {
    std::cerr << "unexpected output: [" << got << "]\n";
    return 1;
  }
  std::cout << "consumer: normkit " << NORMKIT_VERSION_STRING << " works\n";
  return 0;
}
