#pragma once

#include "mdp/workspace/Workspace.h"

#include <QDialog>

#include <optional>

namespace mdp::shell {

// Product, version, the standard implemented and the versions of the libraries in use.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const std::optional<workspace::WorkspaceInfo> &info, QWidget *parent = nullptr);

    static QString productName();
    static QString version();
};

} // namespace mdp::shell
