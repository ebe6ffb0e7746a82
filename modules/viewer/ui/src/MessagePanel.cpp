#include "MessagePanel.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace mdp::viewer::ui {

MessagePanel::MessagePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("viewerMessagePanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 32);
    outer->addStretch(2);

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("viewerMessageCard"));
    card->setMaximumWidth(520);
    card->setMinimumWidth(280);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(28, 24, 28, 26);
    layout->setSpacing(8);

    m_icon = new QLabel(card);
    m_icon->setAlignment(Qt::AlignHCenter);
    m_title = new QLabel(card);
    m_title->setObjectName(QStringLiteral("viewerMessageTitle"));
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setWordWrap(true);
    m_detail = new QLabel(card);
    m_detail->setObjectName(QStringLiteral("viewerMessageDetail"));
    m_detail->setAlignment(Qt::AlignHCenter);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_title->setTextFormat(Qt::PlainText);
    // The reason is information about the file, not part of it: still nothing to select or copy.
    m_detail->setTextInteractionFlags(Qt::NoTextInteraction);

    layout->addWidget(m_icon);
    layout->addSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(3);
}

void MessagePanel::setMessage(Tone tone, const QString &title, const QString &detail)
{
    const QColor color = tone == Tone::Error     ? QColor(0xc6, 0x28, 0x28)
                         : tone == Tone::Warning ? QColor(0xb2, 0x6a, 0x00)
                                                 : QColor(0x5f, 0x6b, 0x7a);
    const auto name = tone == Tone::Neutral ? ViewerIcons::Name::Info : ViewerIcons::Name::Warning;
    m_icon->setPixmap(ViewerIcons::pixmap(name, 40, color, devicePixelRatioF()));
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

QString MessagePanel::title() const
{
    return m_title->text();
}

QString MessagePanel::detail() const
{
    return m_detail->text();
}

} // namespace mdp::viewer::ui
