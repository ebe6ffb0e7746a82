#include "mdp/cli/SecretPrompt.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <termios.h>
#include <unistd.h>

namespace mdp::cli {
namespace {

Result<SecureBytes> promptOnce(const QString &prompt)
{
    if (!isatty(STDIN_FILENO))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("no terminal to ask for the secret; set the environment variable"));
    std::fprintf(stderr, "%s", prompt.toLocal8Bit().constData());
    std::fflush(stderr);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    // read(2) one byte at a time straight into wiped memory: stdio would keep a copy in its buffer.
    SecureBytes buffer{std::size_t(1024)};
    std::size_t n = 0;
    bool got = false;
    for (char c; n < buffer.size();) {
        const ssize_t r = ::read(STDIN_FILENO, &c, 1);
        if (r <= 0)
            break;
        got = true;
        if (c == '\n' || c == '\r')
            break;
        buffer.data()[n++] = c;
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
    if (!got)
        return makeError(Error::Code::Cancelled, QStringLiteral("no input"));
    return SecureBytes(QByteArrayView(buffer.data(), qsizetype(n)));
}

} // namespace

Result<SecureBytes> readSecret(const char *environmentVariable, const QString &prompt, bool confirm)
{
    if (const char *value = environmentVariable ? std::getenv(environmentVariable) : nullptr) {
        SecureBytes secret{QByteArrayView(value)};
        return secret;
    }
    auto first = promptOnce(prompt);
    if (!first || !confirm)
        return first;
    auto second = promptOnce(QStringLiteral("Repeat: "));
    if (!second)
        return second;
    if (!(first.value() == second.value()))
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the two entries differ"));
    return first;
}

} // namespace mdp::cli
