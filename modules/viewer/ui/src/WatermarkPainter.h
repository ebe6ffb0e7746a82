#pragma once

#include <QRect>
#include <QString>

class QPainter;

namespace mdp::viewer::ui {

// Draws the viewer's watermark: the text repeated along a diagonal grid over the whole area, so
// any crop of a screenshot large enough to read still carries it.
class WatermarkPainter
{
public:
    enum class Tone
    {
        OnPaper, // over white pages: a faint slate
        OnImage, // over images of any brightness: light text with a dark halo
    };

    static void paint(QPainter &painter, const QRect &area, const QString &text, Tone tone);
};

} // namespace mdp::viewer::ui
