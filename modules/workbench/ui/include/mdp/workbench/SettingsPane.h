#pragma once

#include <QWidget>

namespace mdp::workbench {

// A tab of the settings dialog contributed by a feature. OK applies every pane; a pane that refuses
// (invalid input, shown on the pane) keeps the dialog open on it.
class SettingsPane : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual bool apply() = 0;
};

} // namespace mdp::workbench
