#pragma once

#include "ViewerIcons.h"

#include <QWidget>

class QLabel;

namespace mdp::viewer::ui {

// The viewer area when there is nothing to show: a quiet card with an icon, a title and a reason
// ("This document cannot be shown", "the PDF is protected by a password").
class MessagePanel : public QWidget
{
    Q_OBJECT

public:
    enum class Tone
    {
        Neutral,
        Warning,
        Error,
    };

    explicit MessagePanel(QWidget *parent = nullptr);

    void setMessage(Tone tone, const QString &title, const QString &detail);
    QString title() const;
    QString detail() const;

private:
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace mdp::viewer::ui
