from fiscal_lint.cli import main

main()
