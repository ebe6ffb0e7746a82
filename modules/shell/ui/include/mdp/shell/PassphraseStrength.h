#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mdp::shell {

// Feedback for a passphrase being typed: a 0-4 level for the meter, whether the rules are met and
// what is still missing. The rules: at least `minimumLength` characters and not one character or a
// short pattern repeated. The level grows with an entropy estimate over the character classes used.
class PassphraseStrength
{
    Q_DECLARE_TR_FUNCTIONS(mdp::shell::PassphraseStrength)
public:
    static constexpr int workspaceMinimumLength = 12;

    struct Assessment
    {
        int level = 0; // 0 unusable, 1 weak, 2 fair, 3 good, 4 strong
        bool acceptable = false;
        double bits = 0;      // rough entropy estimate
        QString label;        // "Too short", "Weak", ...
        QStringList problems; // rules not met, for people
    };

    static Assessment assess(const QString &passphrase, int minimumLength = workspaceMinimumLength);
    static QString levelName(int level);
};

} // namespace mdp::shell
