#include "mdp/accounts/PasswordPolicy.h"

#include "mdp/foundation/SecureBytes.h"

#include <QChar>
#include <QCoreApplication>
#include <QStringList>

namespace mdp::accounts {

namespace {

// Callers wrap their literals in QT_TRANSLATE_NOOP so lupdate finds them under this context.
QString translated(const char *text, int n = -1)
{
    return QCoreApplication::translate("mdp::accounts::PasswordPolicy", text, nullptr, n);
}

QString foldForComparison(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

} // namespace

Result<void> PasswordPolicy::check(const SecureBytes &utf8, const QString &userName) const
{
    QString password = QString::fromUtf8(utf8.view());
    QList<uint> codePoints = password.toUcs4();
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (uint cp : std::as_const(codePoints)) {
        const auto c = char32_t(cp);
        if (QChar::isLower(c))
            lower = true;
        else if (QChar::isUpper(c))
            upper = true;
        else if (QChar::isDigit(c))
            digit = true;
        else
            other = true;
    }
    const qsizetype length = codePoints.size();
    if (!codePoints.isEmpty())
        secureZero(codePoints.data(), std::size_t(codePoints.size()) * sizeof(uint));

    QStringList problems;
    if (length < kMinimumLength)
        problems.append(translated(QT_TRANSLATE_NOOP("mdp::accounts::PasswordPolicy",
                                                     "The password must be at least %n characters long."),
                                   kMinimumLength));
    if (length > kMaximumLength)
        problems.append(translated(QT_TRANSLATE_NOOP("mdp::accounts::PasswordPolicy",
                                                     "The password must be at most %n characters long."),
                                   kMaximumLength));
    const int classes = int(lower) + int(upper) + int(digit) + int(other);
    if (classes < kMinimumCharacterClasses)
        problems.append(
            translated(QT_TRANSLATE_NOOP("mdp::accounts::PasswordPolicy",
                                         "The password must mix at least %n of these kinds of characters: "
                                         "lower-case letters, upper-case letters, digits, other characters."),
                       kMinimumCharacterClasses));
    const QString name = foldForComparison(userName.trimmed());
    QString folded = foldForComparison(password);
    const bool containsName = name.size() >= kMinimumUserNameLengthChecked && folded.contains(name);
    secureZero(folded);
    secureZero(password);
    if (containsName)
        problems.append(translated(QT_TRANSLATE_NOOP("mdp::accounts::PasswordPolicy",
                                                     "The password must not contain the user name.")));

    if (problems.isEmpty())
        return {};
    return makeError(Error::Code::InvalidArgument, problems.join(QLatin1Char(' ')));
}

QString PasswordPolicy::description()
{
    return QCoreApplication::translate(
               "mdp::accounts::PasswordPolicy",
               "At least %1 characters, mixing at least %2 of: lower-case letters, upper-case letters, "
               "digits, other characters; not containing the user name.")
        .arg(kMinimumLength)
        .arg(kMinimumCharacterClasses);
}

} // namespace mdp::accounts
