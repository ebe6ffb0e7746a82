#pragma once

#include <QWidget>

namespace mdp::viewer {

// The viewer's watermark over any widget: the text repeated on a diagonal grid across all of it, so
// a photograph of the screen names its source. Mouse and key events pass through; it follows its
// parent's size and stays above what the parent adds later.
class WatermarkOverlay : public QWidget
{
    Q_OBJECT
public:
    WatermarkOverlay(const QString &text, QWidget *parent);
    QString text() const { return m_text; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_text;
};

} // namespace mdp::viewer
