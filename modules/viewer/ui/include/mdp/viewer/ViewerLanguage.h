#pragma once

#include <QString>

class QCoreApplication;

namespace mdp::viewer::ui {

// The viewer's own translations, embedded as :/i18n/mdp_viewer_<code>.qm. Install next to the
// shell's catalogue when the language changes.
class ViewerLanguage
{
public:
    // "zh_CN" or "en"; replaces the catalogue installed before. False when a non-English catalogue
    // is missing (the viewer then speaks English).
    static bool install(QCoreApplication &app, const QString &code);
};

} // namespace mdp::viewer::ui
