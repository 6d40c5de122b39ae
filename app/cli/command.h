#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace latentlens::cli {

/// One subcommand of latentlens-cli.
struct Command
{
    std::string name;
    std::string summary; ///< one line for the overview
    std::string usage; ///< the full --help text
    /// Runs with the arguments after the subcommand's name; returns the exit status.
    /// Throws UsageError for a bad call and engine::Exception for a failure.
    std::function<int(const std::vector<std::string>&, std::ostream& out)> run;
};

Command metricsCommand();
Command probeCommand();
Command blurCommand();
Command specimenCommand();
Command deblurCommand();
Command trainCommand();
Command evalCommand();

/// The hidden `check-file KIND PATH [OPTION VALUE] [--into FILE]`: the helper of
/// engine::readInHelper. Reads the file as the engine would (probe and map files with their
/// memory and CPU time limited) and writes what it read into FILE (a probe or maps as an
/// engine::Handover, a model saved again by LatentModel::save); returns 0;
/// engine::kHelperRefusedFile with the reason on stdout for a file the reader refused; 2 for a
/// bad call. A crash in a third-party parser ends the process.
int checkFile(const std::vector<std::string>& args);

} // namespace latentlens::cli
