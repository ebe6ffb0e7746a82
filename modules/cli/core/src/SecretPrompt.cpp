#include "mdp/cli/SecretPrompt.h"

#include <QHash>

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

// What this command read already: an environment variable is wiped once read and a descriptor
// can be read once, yet one command may need the secret twice.
QHash<QByteArray, SecureBytes> &kept()
{
    static QHash<QByteArray, SecureBytes> secrets;
    return secrets;
}

} // namespace

void keepSecret(const char *name, const SecureBytes &secret)
{
    kept().insert(QByteArray(name), secret);
}

void forgetSecrets()
{
    kept().clear(); // SecureBytes wipes itself
    // And whatever secret the command did not read: nothing of it stays in the environment.
    for (const char *name :
         {"MDP_PASSPHRASE", "MDP_USER_PASSWORD", "MDP_NEW_PASSWORD", "MDP_RECOVERY_KEY", "MDP_TOKEN_PIN"}) {
        if (char *value = std::getenv(name)) {
            secureZero(value, std::strlen(value));
            ::unsetenv(name);
        }
    }
}

Result<SecureBytes> readSecretFromFd(int fd)
{
    const QByteArray key = "fd:" + QByteArray::number(fd);
    if (const auto it = kept().constFind(key); it != kept().constEnd())
        return it.value();
    SecureBytes buffer{std::size_t(1024)};
    std::size_t n = 0;
    for (char c; n < buffer.size();) {
        const ssize_t r = ::read(fd, &c, 1);
        if (r < 0)
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot read the password from descriptor %1").arg(fd));
        if (r == 0 || c == '\n')
            break;
        buffer.data()[n++] = c;
    }
    if (n > 0 && buffer.data()[n - 1] == '\r')
        --n;
    if (n == 0)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("descriptor %1 gave no password").arg(fd));
    SecureBytes secret(QByteArrayView(buffer.data(), qsizetype(n)));
    kept().insert(key, secret);
    return secret;
}

Result<SecureBytes> readSecret(const char *environmentVariable, const QString &prompt, bool confirm)
{
    // What the command was given explicitly (--password-fd) before what the environment holds.
    if (environmentVariable) {
        if (const auto it = kept().constFind(QByteArray(environmentVariable)); it != kept().constEnd())
            return it.value();
    }
    if (char *value = environmentVariable ? std::getenv(environmentVariable) : nullptr) {
        SecureBytes secret{QByteArrayView(value)};
        // Out of the environment, where every child process and /proc/self/environ would see it.
        secureZero(value, std::strlen(value));
        ::unsetenv(environmentVariable);
        kept().insert(QByteArray(environmentVariable), secret);
        return secret;
    }
    if (environmentVariable) {
        if (const auto it = kept().constFind(QByteArray(environmentVariable)); it != kept().constEnd())
            return it.value();
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
