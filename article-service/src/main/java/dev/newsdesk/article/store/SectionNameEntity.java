package dev.newsdesk.article.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The human name of a category, as the imported posts' navigation gives it. */
@Entity
@Table(name = "section_name")
public class SectionNameEntity {

    @Id
    @Column(length = 100)
    public String name;

    @Column(name = "display_name", nullable = false, length = 100)
    public String displayName;
}
