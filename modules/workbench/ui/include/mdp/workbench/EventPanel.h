#pragma once

#include <QWidget>

namespace mdp::registry {
struct Patient;
struct TimelineEvent;
} // namespace mdp::registry

namespace mdp::workbench {

// A panel in the detail of a timeline event on the patient page, contributed by another feature
// (the forms strip). The patient page tells it which event is selected.
class EventPanel : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void setEvent(const registry::Patient &patient, const registry::TimelineEvent &event,
                          bool mayEdit) = 0;
    virtual void clear() = 0;
};

} // namespace mdp::workbench
