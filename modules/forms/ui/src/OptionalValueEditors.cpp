#include "OptionalValueEditors.h"

#include <QCalendarWidget>

namespace mdp::forms::ui {

namespace {
// A blank that the line edit keeps (an empty special text would show the sentinel number).
const QString BlankText = QStringLiteral("\u2002");
} // namespace

OptionalSpinBox::OptionalSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    setRange(Empty, 999'999'999);
    setSpecialValueText(BlankText);
    setValue(Empty);
    setAccelerated(true);
}

void OptionalSpinBox::stepBy(int steps)
{
    // From empty, the arrows start at a sensible value instead of the sentinel.
    if (isEmpty()) {
        setValue(m_start);
        return;
    }
    QSpinBox::stepBy(steps);
}

OptionalDoubleSpinBox::OptionalDoubleSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setRange(Empty, 1e12);
    setSpecialValueText(BlankText);
    setValue(Empty);
    setAccelerated(true);
}

void OptionalDoubleSpinBox::stepBy(int steps)
{
    if (isEmpty()) {
        setValue(m_start);
        return;
    }
    QDoubleSpinBox::stepBy(steps);
}

OptionalDateEdit::OptionalDateEdit(QWidget *parent)
    : QDateEdit(parent)
    , m_start(QDate::currentDate())
{
    setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    setMinimumDate(emptyDate());
    setMaximumDate(QDate(2999, 12, 31));
    setSpecialValueText(BlankText);
    setCalendarPopup(true);
    setDate(emptyDate());
}

void OptionalDateEdit::stepBy(int steps)
{
    if (isEmpty()) {
        setDate(m_start);
        return;
    }
    QDateEdit::stepBy(steps);
}

void OptionalDateEdit::mousePressEvent(QMouseEvent *event)
{
    QDateEdit::mousePressEvent(event);
    // The popup opens on the shown date; for an empty box that is the sentinel of 1800.
    if (isEmpty() && calendarWidget())
        calendarWidget()->setCurrentPage(m_start.year(), m_start.month());
}

} // namespace mdp::forms::ui
