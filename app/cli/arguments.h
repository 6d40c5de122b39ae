#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace latentlens::cli {

/// A mistake in how the command was called; the CLI prints it with a hint and exits 2.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Numbers separated by commas, e.g. "0.1,3,5"; throws UsageError naming `--option`.
std::vector<double> numberList(const std::string& text, const std::string& option);

/// Splits a comma-separated list of paths ("a,b,c"); empty items are dropped.
std::vector<std::string> splitList(const std::string& text);

/// Command-line arguments of one subcommand: `--name value` options, `--flag` switches and
/// positional arguments. Unknown options are refused, so a typo never goes unnoticed.
class Arguments
{
public:
    /// `valueOptions` take a value (`--name V` or `--name=V`); `flags` take none.
    Arguments(const std::vector<std::string>& args, const std::set<std::string>& valueOptions,
        const std::set<std::string>& flags);

    bool flag(const std::string& name) const { return mFlags.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::string required(const std::string& name) const;
    /// The value as a finite number; throws UsageError when it is not one.
    std::optional<double> number(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return mPositionals; }
    /// Throws UsageError unless there are exactly `count` positional arguments, named in
    /// `what` for the message.
    void expectPositionals(std::size_t count, const std::string& what) const;

private:
    std::map<std::string, std::string> mValues;
    std::set<std::string> mFlags;
    std::vector<std::string> mPositionals;
};

} // namespace latentlens::cli
