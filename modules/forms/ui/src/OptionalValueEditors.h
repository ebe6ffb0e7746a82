#pragma once

#include <QDate>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QSpinBox>

namespace mdp::forms::ui {

// Number and date boxes that can be empty: the lowest value of the box stands for "no value" and
// shows as blank. The boxes are not clamped to the field's range on purpose: a value out of range
// stays visible with its message beside it instead of being silently changed.
class OptionalSpinBox : public QSpinBox
{
public:
    static constexpr int Empty = -1'000'000'000;
    explicit OptionalSpinBox(QWidget *parent = nullptr);
    bool isEmpty() const { return value() == Empty; }
    void setStart(int start) { m_start = start; }
    void stepBy(int steps) override;

private:
    int m_start = 0;
};

class OptionalDoubleSpinBox : public QDoubleSpinBox
{
public:
    static constexpr double Empty = -1e12;
    explicit OptionalDoubleSpinBox(QWidget *parent = nullptr);
    bool isEmpty() const { return value() <= Empty; }
    void setStart(double start) { m_start = start; }
    void stepBy(int steps) override;

private:
    double m_start = 0;
};

class OptionalDateEdit : public QDateEdit
{
public:
    explicit OptionalDateEdit(QWidget *parent = nullptr);
    static QDate emptyDate() { return QDate(1800, 1, 1); }
    bool isEmpty() const { return date() == emptyDate(); }
    void setStart(QDate start) { m_start = start; }
    void stepBy(int steps) override;

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    QDate m_start;
};

} // namespace mdp::forms::ui
