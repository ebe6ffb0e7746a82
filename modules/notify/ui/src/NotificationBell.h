#pragma once

#include <QToolButton>

namespace mdp::notify::ui {

// The bell in the navigation rail: a line bell with a red badge carrying the number of unread
// notices ("99+" above 99); no badge when everything is read.
class NotificationBell : public QToolButton
{
    Q_OBJECT
public:
    explicit NotificationBell(QWidget *parent = nullptr);

    int count() const { return m_count; }
    void setCount(int count);
    // What the badge shows; empty when it is hidden.
    QString badgeText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_count = 0;
};

} // namespace mdp::notify::ui
