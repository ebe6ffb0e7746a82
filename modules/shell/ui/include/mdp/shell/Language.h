#pragma once

#include "mdp/shell/ShellSettings.h"

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace mdp::shell {

// Chooses and installs the interface language: the workstation's own strings (embedded .qm) and
// Qt's standard strings (qtbase_zh_CN.qm from the system, when installed).
class Language
{
public:
    // "zh_CN" or "en". An explicit override (command line) wins, then the stored choice, then the
    // system locale: Chinese for any Chinese locale, English otherwise.
    static QString resolve(const QString &override, LanguageChoice stored, const QLocale &system);

    // Installs translators on `app` for `code`; returns false when the product's catalogue for a
    // non-English language could not be loaded (the interface then stays in English).
    static bool install(QCoreApplication &app, const QString &code);

    // The code currently installed by install(), "en" before any call.
    static QString current();
};

} // namespace mdp::shell
