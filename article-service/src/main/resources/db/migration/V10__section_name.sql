-- The names readers see for category slugs, learned from the imported posts' navigation
-- ("返回界面新闻新闻" linking to .../category/jiemianxinwen.html). Configuration overrides them.
create table section_name (
    name         varchar(100) primary key,
    display_name varchar(100) not null
);
