#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace mdp::workbench {

// The interface language of the workstation's screens. Every module that shows text embeds its own
// catalogue as ":/i18n/mdp_<module>_<code>.qm" (see docs/architecture.md, "Translations");
// install() loads all of them together with Qt's own strings, so a new feature module needs no
// call here.
class Language
{
public:
    // Installs translators on `app` for `code` ("zh_CN" or "en"); returns false when no product
    // catalogue for a non-English language could be loaded (the interface then stays in English).
    static bool install(QCoreApplication &app, const QString &code);
    // The code currently installed by install(), "en" before any call.
    static QString current();
    // The catalogues install() loaded, by file name (for About and tests).
    static QStringList loadedCatalogues();
};

} // namespace mdp::workbench
