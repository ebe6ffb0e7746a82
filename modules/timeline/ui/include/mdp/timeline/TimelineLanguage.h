#pragma once

#include <QString>

class QCoreApplication;

namespace mdp::timeline::ui {

// The timeline's own translations (lane names, captions, tooltips), embedded as
// :/i18n/mdp_timeline_<code>.qm. Install next to the shell's catalogue when the language changes.
class TimelineLanguage
{
public:
    // "zh_CN" or "en"; replaces the catalogue installed before. False when a non-English catalogue
    // is missing (the timeline then speaks English).
    static bool install(QCoreApplication &app, const QString &code);
};

} // namespace mdp::timeline::ui
